using System;

namespace Assistants.Client;

/// <summary>The optional parts of <see cref="VectorStoresClient.UploadFileBatchAndWaitAsync"/>.</summary>
public sealed class FileBatchUploadOptions
{
    private int _maxConcurrency = 5;

    /// <summary>Gets or sets the chunking strategy and attributes applied to every file of the batch.</summary>
    /// <value>The default is <c>null</c>: the server's defaults.</value>
    public VectorStoreFileCreationOptions? FileOptions { get; set; }

    /// <summary>Gets or sets how many uploads run at once.</summary>
    /// <value>The default is <c>5</c>, as in the official Python SDK.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        set => _maxConcurrency = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one upload must run at a time.");
    }

    /// <summary>Gets or sets how the batch is polled.</summary>
    /// <value>The default is <c>null</c>: <see cref="VectorStorePollingOptions"/> defaults.</value>
    public VectorStorePollingOptions? Polling { get; set; }
}
