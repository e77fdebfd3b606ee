namespace UnitGen.Cli;

internal enum OutputFormat
{
    Text,
    Json,
}
