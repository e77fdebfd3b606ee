using System.Globalization;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Environment;

internal sealed class UG0504WebConcurrencyDisagrees : Rule
{
    public override string Code => "UG0504";

    public override Severity Severity => Severity.Warning;

    public override string Title => "WEB_CONCURRENCY disagrees with server.workers: puma reads it, and it changes the preload default.";

    public override string Fix => "Remove WEB_CONCURRENCY from the environment, or make it equal to `server.workers`.";

    public override string Explanation =>
        "Puma uses WEB_CONCURRENCY as the default worker count (lib/puma/configuration.rb) and, on 5.x/6.x, turns " +
        "preload on when it is above 1, before puma.rb is read.";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        if (model.Server.IsPuma && model.Server.Workers is { } workers && model.EnvironmentValue("WEB_CONCURRENCY") is { } value
            && value != workers.ToString(CultureInfo.InvariantCulture))
        {
            yield return new Finding("environment.WEB_CONCURRENCY", $"WEB_CONCURRENCY={value} but server.workers is {workers}.");
        }
    }
}
