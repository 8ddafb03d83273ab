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
}
