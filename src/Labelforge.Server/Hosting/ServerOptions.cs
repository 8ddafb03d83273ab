namespace Labelforge.Server.Hosting;

/// <summary>
/// How `labelforge serve` runs. Defaults: database ./labelforge.db, media beside it, 127.0.0.1 (never all interfaces unless
/// asked), port 5180, no demo project, the system clock, a look for due active-learning retrains every 2 seconds. Port 0 picks a free port (tests read it from <see cref="LabelforgeServer.Address"/>).
/// </summary>
public sealed record ServerOptions
{
    public string DbPath { get; init; } = "labelforge.db";

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 5180;

    public bool Demo { get; init; }

    /// <summary>The clock of leases, annotations and the retrain loop (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How often the background loop checks for active-learning projects due a retrain.</summary>
    public TimeSpan RetrainPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the server looks for projects due a background consensus rerun (ConsensusSettings.RerunEvery).</summary>
    public TimeSpan ConsensusPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the background loop indexes newly stored items for the text search.</summary>
    public TimeSpan SearchIndexInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The media store's folder (item images); null: beside the database (labelforge.db → labelforge.media).</summary>
    public string? MediaPath { get; init; }

    /// <summary>
    /// The folder LF sets may read files from (`file:` of lookup and csharp functions), nothing outside it; null: beside the
    /// database (labelforge.db → labelforge.lf-files).
    /// </summary>
    public string? LabelingFunctionFilesPath { get; init; }

    /// <summary>The largest request body the server reads (413 beyond it), imports aside (<see cref="MaxImportBytes"/>); default 16 MiB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 16L << 20;

    /// <summary>The largest import upload; default 64 GiB (imports stream, so memory does not grow with it).</summary>
    public long MaxImportBytes { get; init; } = 64L << 30;

    /// <summary>The media store itself, when not the folder store at <see cref="MediaPath"/> (tests and benchmarks count its reads).</summary>
    public Core.Media.IMediaStore? MediaStore { get; init; }

    /// <summary>Host header values to answer besides the loopback names (host filtering); null: derived from <see cref="Host"/>, see <see cref="Security.AllowedHosts"/>.</summary>
    public IReadOnlyList<string>? AllowedHosts { get; init; }

    /// <summary>Sign-in through an OpenID Connect provider besides passwords and tokens; null: none.</summary>
    public Security.OpenIdConnectSettings? OpenIdConnect { get; init; }

    /// <summary>Folder with the built web UI; null serves the built-in status page only.</summary>
    public string? WebRoot { get; init; }
}
