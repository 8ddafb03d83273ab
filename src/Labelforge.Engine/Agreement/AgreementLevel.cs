namespace Labelforge.Engine.Agreement;

/// <summary>Level of measurement of the labels, which picks Krippendorff's difference function.</summary>
public enum AgreementLevel
{
    /// <summary>Unordered categories: any two different labels differ by 1.</summary>
    Nominal,

    /// <summary>Ordered categories (label index order): differences grow with the number of values ranked between.</summary>
    Ordinal,

    /// <summary>Numbers with meaningful differences: squared difference.</summary>
    Interval,

    /// <summary>Numbers with a meaningful zero: squared difference relative to the sum.</summary>
    Ratio,
}
