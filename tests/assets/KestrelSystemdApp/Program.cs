var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["TestApp:Systemd"] == "dotnet-only")
{
    // The end-to-end test's comparison: .NET's own systemd integration without UnitGen.Hosting
    // (READY=1/STOPPING=1 and the passed sockets, but no drain, no watchdog pings).
    builder.Host.UseSystemd();
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.UseSystemd());
}
else
{
    builder.UseUnitGen();
}

var app = builder.Build();

// A fixed Content-Length (not chunked): the test's keep-alive client reads responses by it.
var body = System.Text.Encoding.ASCII.GetBytes($"ok {Environment.ProcessId}\n");
app.MapGet("/", () => Results.Bytes(body, "text/plain"));

app.Run();
