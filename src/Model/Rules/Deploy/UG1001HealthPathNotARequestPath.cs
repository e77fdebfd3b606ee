using System.Text.RegularExpressions;
using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Deploy;

internal sealed partial class UG1001HealthPathNotARequestPath : Rule
{
    public override string Code => "UG1001";

    public override Severity Severity => Severity.Error;

    public override string Title => "`deploy.health.path` is not a request path: the restart check would ask another URL, or none.";

    public override string Fix => "Write the path as the app routes it, starting with `/` (`/up`), without blanks or `#`.";

    public override string Explanation =>
        "bin/NAME-restart asks `http://LISTENER` + the path with curl. An HTTP/1.1 request target in origin form " +
        "starts with `/` (RFC 9112 section 3.2.1); without it the path would be glued to the port (`:3000up`). " +
        "Blanks and control characters are not allowed in a request target, and `#` starts a fragment that curl " +
        "never sends. Rails 7.1+ routes `/up` (rails/rails railties, Rails::HealthController).";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Deploy?.Health.Path is { } path && !IsRequestPath(path))
        {
            yield return new Finding("deploy.health.path", $"`{path}` is not a request path: it must start with `/` and hold no blank, control character or `#`.");
        }
    }

    /// <summary>Visible ASCII after a leading <c>/</c>, at most 1024 characters, no <c>#</c>.</summary>
    public static bool IsRequestPath(string path) => RequestPath().IsMatch(path);

    [GeneratedRegex(@"^/[\x21-\x22\x24-\x7e]{0,1023}\z")]
    private static partial Regex RequestPath();
}
