namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// A model that only ever reads its features as float32 (tree splits compare <c>(float)x</c>), so batch
/// scoring can featurise straight into float32 rows: half the bytes, and no conversion per row.
/// </summary>
internal interface IFloatFeatureModel
{
    /// <summary>The margins of one row whose features are already float32: the same bits as from its double row.</summary>
    void Margins(ReadOnlySpan<float> features, Span<double> margins);
}
