namespace HybridAI.Classifiers;

/// <summary>
/// Labelled rows in compressed sparse row form: what <see cref="SoftmaxObjective"/> optimises over.
/// Both the text and the tabular trainers build one, so they share one optimiser.
/// </summary>
internal interface ISparseDesign
{
    int Count { get; }

    int ClassCount { get; }

    int FeatureCount { get; }

    int[] RowStart { get; }

    int[] Columns { get; }

    double[] Values { get; }

    int[] Targets { get; }

    double[] SampleWeights { get; }
}
