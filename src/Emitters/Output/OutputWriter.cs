using System.Collections.Immutable;
using System.Text;

namespace UnitGen.Emitters.Output;

/// <summary>
/// Puts emitted files on disk. Each file is written to a temp file in its own folder, given its mode,
/// flushed and renamed over the target, so a reader (or a crash) sees the old file or the new one,
/// never half of one. Files whose text and mode are already right are not touched.
/// </summary>
internal static class OutputWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes every file under <paramref name="root"/>; with <paramref name="checkOnly"/> only reports drift. Folders it
    /// creates get exactly <paramref name="folderMode"/> whatever the umask, or, when null, what the umask leaves.
    /// </summary>
    public static ImmutableArray<FileChange> Write(string root, IEnumerable<EmittedFile> files, bool checkOnly, UnixFileMode? folderMode = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var changes = ImmutableArray.CreateBuilder<FileChange>();
        foreach (var file in files)
        {
            var target = Target(root, file.Path);
            var bytes = Utf8.GetBytes(file.Content);
            var kind = Compare(target, bytes, file.Mode);
            if (kind != FileChangeKind.Unchanged && !checkOnly)
            {
                CreateFolders(Path.GetDirectoryName(target)!, folderMode);
                WriteAtomically(target, bytes, file.Mode);
            }

            changes.Add(new FileChange(file.Path, kind));
        }

        return changes.ToImmutable();
    }

    private static string Target(string root, string relative)
    {
        // Emitted paths are ours ('/'-separated, no '..'); refuse anything that would leave the root or
        // its own folder (`systemd/x/../../y.service` stays under the root but not under systemd/).
        if (relative.Length == 0 || relative.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"Emitted path `{relative}` is not a plain relative path.", nameof(relative));
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        var rootFull = Path.GetFullPath(root).TrimEnd('/') + "/";
        return full.StartsWith(rootFull, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"Emitted path `{relative}` leaves the output folder.", nameof(relative));
    }

    /// <summary>
    /// Creates <paramref name="dir"/> and its missing parents. With <paramref name="mode"/>, each created folder gets
    /// exactly that mode: mkdir(2) applies the umask, and a root umask of 027 or 077 (hardened hosts) would leave
    /// installed folders unreadable to the service's user. Existing folders are the host's and keep their mode.
    /// </summary>
    private static void CreateFolders(string dir, UnixFileMode? mode)
    {
        if (mode is null || OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
            return;
        }

        var missing = new Stack<string>();
        for (var folder = dir; !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
        }

        foreach (var folder in missing)
        {
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, mode.Value);
        }
    }

    private static FileChangeKind Compare(string target, byte[] bytes, UnixFileMode mode)
    {
        if (!File.Exists(target))
        {
            return FileChangeKind.Created;
        }

        var same = new FileInfo(target).Length == bytes.Length
            && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes)
            && (OperatingSystem.IsWindows() || File.GetUnixFileMode(target) == mode);
        return same ? FileChangeKind.Unchanged : FileChangeKind.Updated;
    }

    private static void WriteAtomically(string target, byte[] bytes, UnixFileMode mode)
    {
        var dir = Path.GetDirectoryName(target)!;
        RemoveStaleTemps(dir, Path.GetFileName(target));
        var temp = Path.Combine(dir, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Created with its final mode so that a secret env file is never readable by others, not even briefly.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = mode;
            }

            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            // The umask may have narrowed the create mode; set it exactly. (Windows publishes have no modes.)
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, mode);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// A run killed between create and rename leaves its temp file (the target itself is intact).
    /// The next run removes temps of that target whose writer process is gone.
    /// </summary>
    private static void RemoveStaleTemps(string dir, string name)
    {
        foreach (var temp in Directory.EnumerateFiles(dir, $".{name}.*.tmp"))
        {
            var parts = Path.GetFileName(temp)[(name.Length + 2)..].Split('.');
            if (parts.Length == 3 && int.TryParse(parts[0], out var pid) && !IsRunning(pid))
            {
                File.Delete(temp);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
