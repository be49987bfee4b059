using System.Collections.Generic;

namespace Assistants.Client.Internal;

/// <summary>The outputs of one <c>requires_action</c> round, and whether the run expired while its functions ran.</summary>
internal sealed class ToolRound
{
    public ToolRound(IReadOnlyList<ToolOutput> outputs, bool expired)
    {
        Outputs = outputs;
        Expired = expired;
    }

    public IReadOnlyList<ToolOutput> Outputs { get; }

    public bool Expired { get; }
}
