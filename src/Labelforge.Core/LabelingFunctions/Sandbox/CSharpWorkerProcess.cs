using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Labelforge.Core.Common;
using Labelforge.Core.LabelingFunctions.Functions;

namespace Labelforge.Core.LabelingFunctions.Sandbox;

/// <summary>
/// One worker process (Labelforge.LabelingFunctions.Worker beside this assembly, run by the dotnet host) and its pipes.
/// It starts with an empty environment (DOTNET_ROOT alone), in a fresh empty temporary folder as working directory and
/// home, diagnostics off, and a GC heap capped at <see cref="CSharpWorkerLimits.MemoryBytes"/>. A batch that is cancelled
/// (request aborted, run time limit), whose working set passes 1.5× the cap, or that ends the process (a stack overflow)
/// kills the worker; the caller gets a clear error and the pool starts a fresh worker next time.
/// </summary>
internal sealed class CSharpWorkerProcess : IDisposable
{
    public const string WorkerAssembly = "Labelforge.LabelingFunctions.Worker.dll";

    private readonly Process _process;
    private readonly BinaryWriter _writer;
    private readonly BinaryReader _reader;
    private readonly string _folder;
    private volatile string? _killedFor;

    private CSharpWorkerProcess(Process process, string folder, CSharpWorkerLimits limits)
    {
        _process = process;
        _folder = folder;
        Limits = limits;
        _writer = new BinaryWriter(new BufferedStream(process.StandardInput.BaseStream, 1 << 16));
        _reader = new BinaryReader(new BufferedStream(process.StandardOutput.BaseStream, 1 << 16));
    }

    public CSharpWorkerLimits Limits { get; }

    /// <summary>False once the worker was killed, ended or broke the protocol; the pool drops it.</summary>
    public bool Healthy => _killedFor is null && !_process.HasExited;

    public static CSharpWorkerProcess Start(CSharpWorkerLimits limits)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, WorkerAssembly);
        if (!File.Exists(worker))
            throw new InvalidOperationException($"{WorkerAssembly} is missing beside the application; C# labeling functions cannot run without it (reinstall labelforge).");
        var host = DotnetHost();
        var folder = Path.Combine(Path.GetTempPath(), "labelforge-lf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var config = Path.Combine(folder, "worker.runtimeconfig.json");
        File.WriteAllText(config, RuntimeConfig(limits));
        var start = StartInfo(host, worker, folder, config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("the C# labeling-function worker did not start");
        // The worker's stderr (a crash report) is read so the pipe never fills; it is not shown to clients.
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new CSharpWorkerProcess(process, folder, limits);
    }

    /// <summary>How the worker starts: the dotnet host on the worker assembly, an empty environment but for the host's own keys, <paramref name="folder"/> as working directory, home and temp.</summary>
    internal static ProcessStartInfo StartInfo(string host, string worker, string folder, string config)
    {
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(config);
        start.ArgumentList.Add(worker);
        start.Environment.Clear();
        start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(host);
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["HOME"] = folder;
        start.Environment["TMPDIR"] = folder;
        return start;
    }

    public void Load(IReadOnlyList<string> labels, IReadOnlyList<CSharpFunction> functions, CancellationToken ct) => Exchange(() =>
    {
        CSharpWorkerProtocol.WriteLoad(_writer, labels, functions);
        if (_reader.ReadByte() != CSharpWorkerProtocol.Ok)
            throw LabelforgeException.Invalid($"the C# labeling functions could not be loaded: {_reader.ReadString()}");
        return 0;
    }, ct);

    public CSharpWorkerRunResult Run(IReadOnlyList<int> functions, IReadOnlyList<LabelingFunctionDocument> documents, CancellationToken ct) => Exchange(() =>
    {
        CSharpWorkerProtocol.WriteRun(_writer, functions, documents);
        var votes = new short[documents.Count * functions.Count];
        var faults = new string?[votes.Length];
        for (var c = 0; c < votes.Length; c++)
        {
            votes[c] = _reader.ReadInt16();
            if (votes[c] == CSharpWorkerProtocol.Fault)
                faults[c] = _reader.ReadString();
        }
        return new CSharpWorkerRunResult(votes, faults);
    }, ct);

    private T Exchange<T>(Func<T> exchange, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var cancel = ct.Register(() => Kill("cancelled"));
        using var memory = new Timer(_ => CheckMemory(), null, Limits.MemoryPollInterval, Limits.MemoryPollInterval);
        try
        {
            return exchange();
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or ObjectDisposedException or InvalidOperationException)
        {
            Kill(_killedFor ?? "ended");
            _process.WaitForExit(5000);
            throw _killedFor switch
            {
                "cancelled" => new OperationCanceledException("the C# labeling functions were stopped", ex, ct),
                "memory" => LabelforgeException.Invalid(
                    $"C# labeling functions used more than {Limits.MemoryBytes * 3 / 2 / (1 << 20)} MB in their worker process; it was stopped and nothing was stored. Use less memory per document."),
                _ => LabelforgeException.Invalid(
                    $"C# labeling functions ended their worker process (exit code {ExitCode()}), as a stack overflow (unbounded recursion) or a fatal error does; nothing was stored. Fix the function and apply again."),
            };
        }
    }

    private string ExitCode() => _process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "unknown";

    private void CheckMemory()
    {
        try
        {
            _process.Refresh();
            if (!_process.HasExited && _process.WorkingSet64 > Limits.MemoryBytes * 3 / 2)
                Kill("memory");
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    private void Kill(string reason)
    {
        _killedFor ??= reason;
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            return hostPath;
        // The running runtime lives in DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION/.
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        if (File.Exists(Path.Combine(root, name)))
            return Path.Combine(root, name);
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot && File.Exists(Path.Combine(dotnetRoot, name)))
            return Path.Combine(dotnetRoot, name);
        throw new InvalidOperationException("the dotnet host was not found; C# labeling functions need it to start their worker process (set DOTNET_ROOT).");
    }

    private static string RuntimeConfig(CSharpWorkerLimits limits) => $$"""
        {
          "runtimeOptions": {
            "tfm": "net{{Environment.Version.Major}}.{{Environment.Version.Minor}}",
            "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version.Major}}.{{Environment.Version.Minor}}.0" },
            "configProperties": {
              "System.GC.HeapHardLimit": {{limits.MemoryBytes}},
              "System.GC.Server": false,
              "System.GC.Concurrent": false,
              "System.Globalization.Invariant": true
            }
          }
        }
        """;

    public void Dispose()
    {
        Kill("disposed");
        _process.WaitForExit(2000);
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleanup.
        }
        catch (UnauthorizedAccessException)
        {
            // Idem.
        }
    }
}
