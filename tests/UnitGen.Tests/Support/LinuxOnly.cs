using System.Runtime.Versioning;

// The tests judge our output with Debian's systemd, puma, ruby and runit: they run on Linux only.
[assembly: SupportedOSPlatform("linux")]
