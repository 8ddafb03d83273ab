using System.Buffers.Text;
using System.Text;
using Labelforge.Core.Data;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Consensus;

namespace Labelforge.Core.Consensus;

/// <summary>
/// A project's current human labels as crowd answers: the latest human annotation per (item, annotator), labels
/// resolved through merges, read by one streaming query. Classes are the labels that occur, in ascending label id
/// order; items are in id order; annotators in order of first answer.
/// </summary>
public sealed class ProjectAnswers
{
    /// <summary>
    /// Human annotations in (item, author, id) order: the walk of the (ItemId, Author, Id) index over the project's item
    /// range, so the latest per item and author is the last row of its run and no per-row subquery is needed.
    /// </summary>
    public const string Sql =
        "SELECT a.Id, a.ItemId, a.Author, a.LabelIdsJson FROM annotations a " +
        "WHERE a.ItemId BETWEEN (SELECT MIN(Id) FROM items WHERE ProjectId = @project) AND (SELECT MAX(Id) FROM items WHERE ProjectId = @project) " +
        "AND +a.ProjectId = @project AND a.Kind = 'human' ORDER BY a.ItemId, a.Author, a.Id";

    public required CrowdAnswers Answers { get; init; }

    /// <summary>The item id of each item index.</summary>
    public required long[] ItemIds { get; init; }

    /// <summary>The annotator (author) of each annotator index.</summary>
    public required string[] Annotators { get; init; }

    /// <summary>The label id of each class index, ascending.</summary>
    public required long[] LabelIds { get; init; }

    /// <summary>The highest annotation id read (0 when none).</summary>
    public long ThroughAnnotationId { get; init; }

    /// <summary>Reads the answers with the context's row reader (the store's UTF-8 one on SQLite); the connection must be open.</summary>
    internal static ProjectAnswers Read(LabelforgeDb db, long projectId, LabelResolver resolver)
    {
        var items = new List<int>();
        var annotators = new List<int>();
        var rawLabels = new List<long>();
        var itemIds = new List<long>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var chars = new char[256];
        long through = 0, pendingItem = -1, pendingLabel = 0;
        var pendingAnnotator = -1;
        using (var reader = Utf8RowReaders.Open(db, Sql, projectId))
        {
            while (reader.Read())
            {
                through = Math.Max(through, reader.GetInt64(0));
                var itemId = reader.GetInt64(1);
                var author = reader.GetUtf8(2);
                if (chars.Length < author.Length)
                    chars = new char[author.Length * 2];
                var name = chars.AsSpan(0, Encoding.UTF8.GetChars(author, chars));
                if (!lookup.TryGetValue(name, out var annotator))
                {
                    annotator = names.Count;
                    lookup[name] = annotator;
                }
                if (pendingAnnotator >= 0 && (pendingItem != itemId || pendingAnnotator != annotator))
                    Flush();
                (pendingItem, pendingAnnotator) = (itemId, annotator);
                pendingLabel = FirstLabel(reader.GetUtf8(3));
            }
        }
        if (pendingAnnotator >= 0)
            Flush();

        var labelIds = rawLabels.Distinct().Order().ToArray();
        var classOf = new Dictionary<long, int>(labelIds.Length);
        for (var k = 0; k < labelIds.Length; k++)
            classOf[labelIds[k]] = k;
        var labels = new int[rawLabels.Count];
        for (var a = 0; a < labels.Length; a++)
            labels[a] = classOf[rawLabels[a]];
        var annotatorNames = new string[names.Count];
        foreach (var (n, index) in names)
            annotatorNames[index] = n;
        return new ProjectAnswers
        {
            Answers = new CrowdAnswers([.. items], [.. annotators], labels, itemIds.Count, annotatorNames.Length, Math.Max(1, labelIds.Length)),
            ItemIds = [.. itemIds],
            Annotators = annotatorNames,
            LabelIds = labelIds,
            ThroughAnnotationId = through,
        };

        void Flush()
        {
            if (pendingLabel <= 0)
                return; // "none apply" ([]) is no answer
            if (itemIds.Count == 0 || itemIds[^1] != pendingItem)
                itemIds.Add(pendingItem);
            items.Add(itemIds.Count - 1);
            annotators.Add(pendingAnnotator);
            rawLabels.Add(resolver.Resolve(pendingLabel));
        }
    }

    /// <summary>The first label id of a stored class-label array such as <c>[3]</c>; 0 for <c>[]</c>.</summary>
    private static long FirstLabel(ReadOnlySpan<byte> json)
    {
        var i = json.IndexOf((byte)'[') + 1;
        while (i < json.Length && json[i] == (byte)' ')
            i++;
        return i > 0 && i < json.Length && Utf8Parser.TryParse(json[i..], out long id, out _) ? id : 0;
    }
}
