namespace Labelforge.Engine.Privacy;

/// <summary>
/// Finds personal data in texts with the detectors of one <see cref="PiiDetectorOptions"/> (built once, used for many
/// texts; safe to share between threads). Detections come sorted by start and never overlap: where two overlap, the one
/// that starts first wins, then the longer, then the kind earlier in <see cref="PiiKind"/>.
/// </summary>
public sealed class PiiDetector
{
    private readonly bool _email, _phone, _iban, _card, _ip;
    private readonly CustomDetector _custom;

    /// <summary>A detector that finds nothing.</summary>
    public static readonly PiiDetector None = new(PiiDetectorOptions.None);

    /// <summary>Builds the detectors; throws <see cref="ArgumentException"/> for a pattern that is not a regular expression (check it first with <see cref="CheckPattern"/>).</summary>
    public PiiDetector(PiiDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _email = options.Kinds.Contains(PiiKind.Email);
        _phone = options.Kinds.Contains(PiiKind.Phone);
        _iban = options.Kinds.Contains(PiiKind.Iban);
        _card = options.Kinds.Contains(PiiKind.Card);
        _ip = options.Kinds.Contains(PiiKind.Ip);
        _custom = CustomDetector.Create(options.Pattern, options.Words, options.MatchTimeout);
        IsEmpty = options.IsEmpty;
    }

    /// <summary>True when no detector is on: every text comes back as it is.</summary>
    public bool IsEmpty { get; }

    /// <summary>Null when <paramref name="pattern"/> is a usable regular expression, else the parser's message.</summary>
    public static string? CheckPattern(string pattern) => CustomDetector.Check(pattern);

    /// <summary>The personal data in <paramref name="text"/>, sorted and without overlaps.</summary>
    public IReadOnlyList<PiiDetection> Detect(string? text)
    {
        if (IsEmpty || string.IsNullOrEmpty(text))
            return [];
        var found = new List<PiiDetection>();
        if (_email)
            EmailDetector.Find(text, found);
        if (_iban)
            IbanDetector.Find(text, found);
        if (_card)
            CardDetector.Find(text, found);
        if (_phone)
            PhoneDetector.Find(text, found);
        if (_ip)
            IpDetector.Find(text, found);
        if (!_custom.IsEmpty && !_custom.Find(text, found))
            return [new PiiDetection(PiiKind.Custom, 0, text.Length)];
        return Resolve(found);
    }

    /// <summary>Sorts detections and drops each one that overlaps one kept before it (first start, then longest, then kind).</summary>
    internal static IReadOnlyList<PiiDetection> Resolve(List<PiiDetection> found)
    {
        if (found.Count < 2)
            return found;
        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? b.End.CompareTo(a.End) : a.Kind.CompareTo(b.Kind));
        var kept = new List<PiiDetection>(found.Count);
        var end = -1;
        foreach (var d in found)
        {
            if (d.Start < end)
                continue;
            kept.Add(d);
            end = d.End;
        }
        return kept;
    }
}
