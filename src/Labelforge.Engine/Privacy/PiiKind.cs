namespace Labelforge.Engine.Privacy;

/// <summary>The kinds of personal data the detectors find; the order is the tie-break when two detections cover the same text.</summary>
public enum PiiKind
{
    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>An IBAN whose ISO 13616 mod-97 check digits and country length are right.</summary>
    Iban,

    /// <summary>A payment card number: 13 to 19 digits passing the Luhn check.</summary>
    Card,

    /// <summary>A phone number in international (+CC) or national form.</summary>
    Phone,

    /// <summary>An IPv4 or IPv6 address.</summary>
    Ip,

    /// <summary>A match of the project's own pattern or word list.</summary>
    Custom,
}

/// <summary>Wire names and mask tags of <see cref="PiiKind"/>.</summary>
public static class PiiKinds
{
    /// <summary>The kinds a detector setting may name, in wire order (custom is set by its pattern or words).</summary>
    public static readonly PiiKind[] Builtin = [PiiKind.Email, PiiKind.Phone, PiiKind.Iban, PiiKind.Card, PiiKind.Ip];

    /// <summary>The kind's lower-case name: email, phone, iban, card, ip, custom.</summary>
    public static string ToWire(this PiiKind kind) => kind switch
    {
        PiiKind.Email => "email",
        PiiKind.Iban => "iban",
        PiiKind.Card => "card",
        PiiKind.Phone => "phone",
        PiiKind.Ip => "ip",
        _ => "custom",
    };

    /// <summary>The text a mask shows instead of a detection: [EMAIL], [PHONE], [IBAN], [CARD], [IP], [PII].</summary>
    public static string Tag(this PiiKind kind) => kind switch
    {
        PiiKind.Email => "[EMAIL]",
        PiiKind.Iban => "[IBAN]",
        PiiKind.Card => "[CARD]",
        PiiKind.Phone => "[PHONE]",
        PiiKind.Ip => "[IP]",
        _ => "[PII]",
    };

    /// <summary>Reads a wire name (case-insensitive); false for an unknown one.</summary>
    public static bool TryParse(string? wire, out PiiKind kind)
    {
        foreach (var k in Builtin)
        {
            if (string.Equals(k.ToWire(), wire?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = PiiKind.Custom;
        return false;
    }
}
