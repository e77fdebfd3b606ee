using UnitGen.Model.Diagnostics;

namespace UnitGen.Model.Rules.Sockets;

public sealed class UG0106DuplicateListener : Rule
{
    public override string Code => "UG0106";

    public override Severity Severity => Severity.Error;

    public override string Title => "Two listeners on the same address and port, or the same unix path: the second bind fails.";

    public override string Fix => "Give each service and each listen entry its own port or path.";

    public override string Explanation =>
        "A port can be bound once (without SO_REUSEPORT), and a dual-stack [::]:P (a bare port) also takes 0.0.0.0:P. " +
        "`unitgen validate a.yaml b.yaml` checks all given models together.";

    /// <summary>Whether two listen addresses collide when bound on one host.</summary>
    public static bool Collide(ListenAddress a, ListenAddress b) => (a, b) switch
    {
        (UnixAddress x, UnixAddress y) => x.Path == y.Path,
        (TcpAddress x, TcpAddress y) when x.Port == y.Port =>
            x.PumaHost == y.PumaHost || IsWildcard(x) || IsWildcard(y),
        _ => false,
    };

    private static bool IsWildcard(TcpAddress a) => a.PumaHost is "0.0.0.0" or "[::]";

    public override IEnumerable<Finding> Check(ServiceModel model)
    {
        for (var i = 0; i < model.Listen.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Collide(model.Listen[i].Address, model.Listen[j].Address))
                {
                    yield return new Finding($"listen[{i}]", $"`{model.Listen[i].Address.ListenStream}` collides with listen[{j}] `{model.Listen[j].Address.ListenStream}`.");
                    break;
                }
            }
        }
    }
}
