namespace Labelforge.Core.LabelingFunctions.Keywords;

/// <summary>How a keyword function combines its keywords.</summary>
public enum KeywordMatch
{
    /// <summary>Fires when any keyword occurs.</summary>
    Any,

    /// <summary>Fires when every keyword occurs.</summary>
    All,
}
