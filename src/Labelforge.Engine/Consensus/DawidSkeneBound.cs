using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// The evidence lower bound per answer that crowd-kit's <c>DawidSkene</c> stops on, evaluated at the posteriors T
/// of an E-step and the parameters of the M-step that follows it:
/// <c>[sum_(i,j,l) sum_k T_ik (ln pi_j[k,l] + ln rho_k) - sum_i sum_k T_ik ln T_ik] / answers</c>.
/// The class prior enters once per answer, not once per item, as crowd-kit defines it; so it is not the bound EM
/// ascends and it can fall, which that stopping rule treats as convergence.
/// </summary>
/// <remarks>
/// The answer sum is the M-step's expected counts times the log confusion cells,
/// <c>sum_(j,k,l) n_jkl ln pi_j[k,l] + sum_k (sum_i w_i A_i T_ik) ln rho_k</c> with A_i answers of item i, so it
/// costs a pass over the counts and one over the posteriors. With observed abstentions every annotator gives an
/// outcome on every item (A_i = annotators) and the abstention counts enter like answers. Items without answers are
/// left out, as crowd-kit never sees them.
/// </remarks>
internal static class DawidSkeneBound
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double PerAnswer(CrowdAnswers answers, DawidSkeneModel model, double[] posteriors, double[] priors, double[]? weights)
    {
        int k = answers.ClassCount, m = answers.AnnotatorCount, outcomes = model.Outcomes;
        var observed = outcomes > k;
        var mass = observed ? model.ClassMass(posteriors, weights, answers.ItemCount) : null;
        var counts = model.Counts;
        var confusion = model.Confusion;
        var joint = 0.0;
        for (var w = 0; w < m; w++)
        {
            for (var c = 0; c < k; c++)
            {
                var row = confusion.AsSpan(((w * k) + c) * outcomes, outcomes);
                var cells = counts.Slice(((w * k) + c) * k, k);
                var answered = 0.0;
                for (var l = 0; l < k; l++)
                {
                    answered += cells[l];
                    joint += Term(cells[l], row[l]);
                }
                if (mass is not null)
                    joint += Term(mass[c] - answered, row[k]);
            }
        }
        var (perClass, entropy, total) = ItemSums(answers, posteriors, weights, observed);
        for (var c = 0; c < k; c++)
            joint += Term(perClass[c], priors[c]);
        return total > 0 ? (joint + entropy) / total : 0;
    }

    /// <summary>n ln p, with 0 ln p = 0 (a cell nothing counted in).</summary>
    private static double Term(double count, double probability) => count > 0 ? count * Math.Log(probability) : 0;

    /// <summary>Per class <c>sum_i w_i A_i T_ik</c>, the entropy <c>-sum_i w_i sum_k T_ik ln T_ik</c> and <c>sum_i w_i A_i</c>.</summary>
    private static (double[] PerClass, double Entropy, double Answers) ItemSums(CrowdAnswers answers, double[] posteriors, double[]? weights, bool observed)
    {
        var k = answers.ClassCount;
        var start = answers.ByItem.Start;
        var perClass = new double[k];
        double entropy = 0, total = 0;
        for (var i = 0; i < answers.ItemCount; i++)
        {
            var given = observed ? answers.AnnotatorCount : start[i + 1] - start[i];
            if (given == 0)
                continue;
            var weight = weights is null ? 1.0 : weights[i];
            total += weight * given;
            for (var c = 0; c < k; c++)
            {
                var t = posteriors[(i * k) + c];
                perClass[c] += weight * given * t;
                if (t > 0)
                    entropy -= weight * t * Math.Log(t);
            }
        }
        return (perClass, entropy, total);
    }
}
