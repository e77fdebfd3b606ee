namespace UnitGen.Tests.Support;

/// <summary>`dotnet` as a child process of the test run, with its own packages folder.</summary>
public static class ChildDotnet
{
    public static ExternalTool.Result Run(string workingDirectory, string packages, IEnumerable<string> args) =>
        ExternalTool.Run("dotnet", args, workingDirectory, new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = packages,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            // Tests run under `dotnet test`; its MSBuild variables must not leak into the child build.
            ["MSBuildExtensionsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildSDKsPath"] = null,
        }, TimeSpan.FromMinutes(5));
}
