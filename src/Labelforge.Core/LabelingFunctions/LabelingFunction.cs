namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// One labeling function of a set: votes a label index (into the set's labels) or
/// <see cref="Engine.LabelIndex.Abstain"/> for a document. <see cref="Fingerprint"/> hashes its definition,
/// so a stored label matrix knows which columns are still valid after the set is edited.
/// </summary>
public abstract class LabelingFunction
{
    protected LabelingFunction(string name, string kind, string fingerprint)
    {
        Name = name;
        Kind = kind;
        Fingerprint = fingerprint;
    }

    public string Name { get; }

    /// <summary>Wire kind: keyword, regex, lookup, field, csharp, annotations.</summary>
    public string Kind { get; }

    /// <summary>Hex SHA-256 of the definition (kind, settings, label and the content of referenced files).</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Whether the function may read more than <see cref="LabelingFunctionDocument.Text"/> (fields, annotations); readers of plain
    /// files then skip building fields for sets whose functions read the text alone.
    /// </summary>
    public virtual bool ReadsFields => true;

    /// <summary>The vote for <paramref name="document"/>; may throw (the applier turns that into a fault).</summary>
    public abstract int Apply(LabelingFunctionDocument document);

    /// <summary>
    /// Whether the function can mark ranges of the text (<see cref="Spans"/>), as a text-spans project needs: keyword,
    /// lookup and regex functions, whose matches have offsets. The others decide about whole items only.
    /// </summary>
    public virtual bool EmitsSpans => false;

    /// <summary>
    /// The ranges of <see cref="LabelingFunctionDocument.Text"/> the function marks, each with the function's label
    /// index (UTF-16 offsets, end exclusive), when <see cref="EmitsSpans"/>; may throw like <see cref="Apply"/>.
    /// </summary>
    public virtual IReadOnlyList<Engine.Spans.LabeledRange> Spans(LabelingFunctionDocument document) =>
        throw new NotSupportedException($"a {Kind} function decides about whole items and marks no spans");
}
