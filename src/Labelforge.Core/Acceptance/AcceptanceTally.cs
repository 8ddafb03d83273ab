namespace Labelforge.Core.Acceptance;

/// <summary>Running counts for one group of human labels (all of them, or one model version's suggestions).</summary>
internal sealed class AcceptanceTally
{
    public int Accepted;
    public int Corrected;
    public int Scratch;
    public int AcceptedJudged;
    public int AcceptedRight;
    public int CorrectedJudged;
    public int CorrectedRight;
    public int ScratchJudged;
    public int ScratchRight;
    public int SuggestionsJudged;
    public int SuggestionsRight;
    public int WrongSuggestions;
    public int WrongSuggestionsAccepted;

    /// <summary>Counts one label; <paramref name="right"/> is null without a reference, <paramref name="suggestionRight"/> null without a suggestion or reference.</summary>
    public void Add(string? outcome, bool? right, bool? suggestionRight)
    {
        var accepted = outcome == Annotations.SuggestionOutcomes.Accepted;
        switch (outcome)
        {
            case null:
                Scratch++;
                Judge(right, ref ScratchJudged, ref ScratchRight);
                break;
            case Annotations.SuggestionOutcomes.Accepted:
                Accepted++;
                Judge(right, ref AcceptedJudged, ref AcceptedRight);
                break;
            default:
                Corrected++;
                Judge(right, ref CorrectedJudged, ref CorrectedRight);
                break;
        }
        if (suggestionRight is not { } ok)
            return;
        Judge(ok, ref SuggestionsJudged, ref SuggestionsRight);
        if (!ok)
            Judge(accepted, ref WrongSuggestions, ref WrongSuggestionsAccepted);
    }

    private static void Judge(bool? right, ref int judged, ref int correct)
    {
        if (right is not { } r)
            return;
        judged++;
        if (r)
            correct++;
    }
}
