using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// Scores one output against its golden example, with no judge model. Evaluators are small, thread-safe and
/// composable: put several in a list and run them with <see cref="GoldenEvaluation"/>; adapt one to a richer output
/// type with <see cref="EvaluatorExtensions.For{TOutput, TPart}"/>.
/// </summary>
/// <typeparam name="TOutput">What the workflow produced.</typeparam>
/// <example>
/// <code>
/// IEvaluator&lt;string&gt; facts = new RequiredFactsEvaluator();
/// EvaluationScore score = facts.Evaluate(example, "Your refund of 20 EUR was sent on Monday.");
/// Console.WriteLine($"{score.Name} {score.Value:P0} {score.Detail}");
/// </code>
/// </example>
public interface IEvaluator<in TOutput>
{
    /// <summary>The expected fields this evaluator reads; loaders reject examples that lack them.</summary>
    GoldenFields Requires { get; }

    /// <summary>Scores <paramref name="output"/> against <paramref name="example"/>.</summary>
    /// <param name="example">The golden example.</param>
    /// <param name="output">What the workflow produced for it.</param>
    /// <exception cref="InvalidOperationException">The example lacks a field in <see cref="Requires"/>; the message names the example id and the field.</exception>
    EvaluationScore Evaluate(GoldenExample example, TOutput output);
}
