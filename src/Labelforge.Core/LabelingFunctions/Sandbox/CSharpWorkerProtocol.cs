using System.Text.Json;
using Labelforge.Core.LabelingFunctions.Functions;

namespace Labelforge.Core.LabelingFunctions.Sandbox;

/// <summary>
/// The parent ↔ worker messages on the worker's stdin/stdout (<see cref="BinaryWriter"/> framing: length-prefixed UTF-8
/// strings, little-endian numbers). Load: the set's labels, its compiled files and functions; the worker answers
/// <see cref="Ok"/> or <see cref="Failed"/> and a message. Run: which loaded functions to apply and the documents (text, fields
/// as JSON, annotations); the worker answers one vote per document and function, <see cref="Fault"/> followed by the
/// exception's type and message where the function threw.
/// </summary>
internal static class CSharpWorkerProtocol
{
    public const byte Load = 1;
    public const byte Run = 2;
    public const byte Ok = 0;
    public const byte Failed = 1;

    /// <summary>The vote standing for "this function threw"; the message follows it.</summary>
    public const short Fault = short.MinValue;

    public static void WriteLoad(BinaryWriter writer, IReadOnlyList<string> labels, IReadOnlyList<CSharpFunction> functions)
    {
        writer.Write(Load);
        WriteStrings(writer, labels);
        var files = functions.Select(f => f.File).DistinctBy(f => f.Id).ToList();
        writer.Write(files.Count);
        foreach (var file in files)
        {
            writer.Write(file.Id);
            writer.Write(file.Image.Length);
            writer.Write(file.Image);
        }
        writer.Write(functions.Count);
        foreach (var function in functions)
        {
            writer.Write(files.FindIndex(f => f.Id == function.File.Id));
            writer.Write(function.TypeName);
            writer.Write(function.Method);
            writer.Write((byte)function.Returns);
        }
        writer.Flush();
    }

    public static void WriteRun(BinaryWriter writer, IReadOnlyList<int> functions, IReadOnlyList<LabelingFunctionDocument> documents)
    {
        writer.Write(Run);
        writer.Write(functions.Count);
        foreach (var function in functions)
            writer.Write(function);
        writer.Write(documents.Count);
        foreach (var document in documents)
        {
            writer.Write(document.Text);
            var fields = document.Fields;
            var hasFields = fields.ValueKind != JsonValueKind.Undefined;
            writer.Write(hasFields);
            if (hasFields)
                writer.Write(fields.GetRawText());
            var annotations = document.Annotations;
            writer.Write(annotations?.Count ?? -1);
            foreach (var (author, label) in annotations ?? new Dictionary<string, string>())
            {
                writer.Write(author);
                writer.Write(label);
            }
        }
        writer.Flush();
    }

    public static LabelingFunctionDocument ReadDocument(BinaryReader reader)
    {
        var text = reader.ReadString();
        string? fields = reader.ReadBoolean() ? reader.ReadString() : null;
        var count = reader.ReadInt32();
        Dictionary<string, string>? annotations = null;
        if (count >= 0)
        {
            annotations = new Dictionary<string, string>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
                annotations[reader.ReadString()] = reader.ReadString();
        }
        return fields is null
            ? new LabelingFunctionDocument(text, default(JsonElement), annotations)
            : new LabelingFunctionDocument(text, () => JsonDocument.Parse(fields).RootElement, annotations);
    }

    public static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
            writer.Write(value);
    }

    public static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
            values[i] = reader.ReadString();
        return values;
    }
}
