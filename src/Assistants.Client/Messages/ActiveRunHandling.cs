namespace Assistants.Client;

/// <summary>What <see cref="MessagesClient.CreateWhenIdleAsync"/> does when the thread has an active run.</summary>
public enum ActiveRunHandling
{
    /// <summary>Wait until the active run ends, then add the message. A run at <c>requires_action</c> ends only when someone answers it or it expires.</summary>
    Wait = 0,

    /// <summary>Cancel the active run, wait until it has ended, then add the message.</summary>
    Cancel = 1,
}
