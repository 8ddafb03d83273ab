using System.Reflection;
using System.Runtime.Loader;
using Labelforge.Core.LabelingFunctions.Functions;

namespace Labelforge.Core.LabelingFunctions.Sandbox;

/// <summary>
/// The worker process's side (Labelforge.LabelingFunctions.Worker runs <see cref="Serve"/>): loads the compiled files of a
/// set into a collectible load context (the previous set's is unloaded), applies the functions to each batch of documents
/// in parallel and answers the votes. The console is silenced first, so user code writing to it cannot corrupt the
/// protocol on stdout.
/// </summary>
public static class CSharpWorkerHost
{
    public static int Serve()
    {
        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();
        Console.SetOut(TextWriter.Null);
        Console.SetIn(TextReader.Null);
        using var reader = new BinaryReader(new BufferedStream(input, 1 << 16));
        using var writer = new BinaryWriter(new BufferedStream(output, 1 << 16));
        Loaded? loaded = null;
        while (true)
        {
            int op;
            try
            {
                op = reader.ReadByte();
            }
            catch (EndOfStreamException)
            {
                return 0;
            }
            if (op == CSharpWorkerProtocol.Load)
            {
                loaded?.Context.Unload();
                loaded = null;
                try
                {
                    loaded = LoadSet(reader);
                    writer.Write(CSharpWorkerProtocol.Ok);
                }
                catch (Exception ex)
                {
                    writer.Write(CSharpWorkerProtocol.Failed);
                    writer.Write($"{ex.GetType().Name}: {ex.Message}");
                }
                writer.Flush();
            }
            else if (op == CSharpWorkerProtocol.Run)
            {
                RunBatch(reader, writer, loaded ?? throw new InvalidOperationException("run before load"));
            }
            else
            {
                return 2;
            }
        }
    }

    private sealed record Loaded(AssemblyLoadContext Context, Func<LabelingFunctionDocument, int>[] Functions);

    private static Loaded LoadSet(BinaryReader reader)
    {
        var labels = CSharpWorkerProtocol.ReadStrings(reader);
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.OrdinalIgnoreCase);
        var context = new AssemblyLoadContext("lf-set", isCollectible: true);
        var assemblies = new Assembly[reader.ReadInt32()];
        for (var i = 0; i < assemblies.Length; i++)
        {
            reader.ReadString();
            var image = reader.ReadBytes(reader.ReadInt32());
            assemblies[i] = context.LoadFromStream(new MemoryStream(image));
        }
        var functions = new Func<LabelingFunctionDocument, int>[reader.ReadInt32()];
        for (var j = 0; j < functions.Length; j++)
        {
            var assembly = assemblies[reader.ReadInt32()];
            var typeName = reader.ReadString();
            var methodName = reader.ReadString();
            var returns = (CSharpReturnKind)reader.ReadByte();
            var method = assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly,
                [typeof(LabelingFunctionDocument)]) ?? throw new MissingMethodException(typeName, methodName);
            functions[j] = returns switch
            {
                CSharpReturnKind.Index => Labels(method.CreateDelegate<Func<LabelingFunctionDocument, int>>(), labels.Length),
                CSharpReturnKind.NullableIndex => Labels(method.CreateDelegate<Func<LabelingFunctionDocument, int?>>(), labels.Length),
                _ => Names(method.CreateDelegate<Func<LabelingFunctionDocument, string?>>(), index),
            };
        }
        return new Loaded(context, functions);
    }

    private static void RunBatch(BinaryReader reader, BinaryWriter writer, Loaded loaded)
    {
        var chosen = new Func<LabelingFunctionDocument, int>[reader.ReadInt32()];
        for (var j = 0; j < chosen.Length; j++)
            chosen[j] = loaded.Functions[reader.ReadInt32()];
        var documents = new LabelingFunctionDocument[reader.ReadInt32()];
        for (var i = 0; i < documents.Length; i++)
            documents[i] = CSharpWorkerProtocol.ReadDocument(reader);
        var k = chosen.Length;
        var votes = new short[documents.Length * k];
        var faults = new string?[documents.Length * k];
        Parallel.For(0, documents.Length, i =>
        {
            for (var j = 0; j < k; j++)
            {
                try
                {
                    votes[i * k + j] = checked((short)chosen[j](documents[i]));
                }
                catch (Exception ex)
                {
                    votes[i * k + j] = CSharpWorkerProtocol.Fault;
                    faults[i * k + j] = $"{ex.GetType().Name}: {ex.Message}";
                }
            }
        });
        for (var c = 0; c < votes.Length; c++)
        {
            writer.Write(votes[c]);
            if (votes[c] == CSharpWorkerProtocol.Fault)
                writer.Write(faults[c]!);
        }
        writer.Flush();
    }

    private static Func<LabelingFunctionDocument, int> Labels(Func<LabelingFunctionDocument, int> f, int count) => doc =>
    {
        var label = f(doc);
        return label < 0 ? Engine.LabelIndex.Abstain
            : label < count ? label
            : throw new InvalidOperationException($"returned label index {label}; the set has {count} labels");
    };

    private static Func<LabelingFunctionDocument, int> Labels(Func<LabelingFunctionDocument, int?> f, int count) => Labels(doc => f(doc) ?? Engine.LabelIndex.Abstain, count);

    private static Func<LabelingFunctionDocument, int> Names(Func<LabelingFunctionDocument, string?> f, Dictionary<string, int> index) => doc =>
        f(doc) is not { } name ? Engine.LabelIndex.Abstain
        : index.TryGetValue(name, out var label) ? label
        : throw new InvalidOperationException($"returned unknown label '{name}'");
}
