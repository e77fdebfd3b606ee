namespace UnitGen.Model.Servers;

/// <summary>A listener a server's command line adds (puma <c>-b</c>/<c>-p</c>, unicorn <c>-l</c>, <c>-o</c>+<c>-p</c>).</summary>
/// <param name="Word">The index of the argv word it starts at (for <c>server.command[N]</c>).</param>
/// <param name="Text">The words as written, for messages.</param>
/// <param name="Address">The address the server binds; null when UnitGen cannot read it.</param>
internal sealed record CommandLineListener(int Word, string Text, ListenAddress? Address);
