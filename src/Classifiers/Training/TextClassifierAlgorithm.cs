namespace HybridAI.Classifiers;

/// <summary>Which learner <see cref="TextClassifier.Train"/> uses.</summary>
public enum TextClassifierAlgorithm
{
    /// <summary>Multinomial logistic regression (<see cref="LogisticRegressionTrainer"/>): the better default, calibrated probabilities.</summary>
    LogisticRegression = 0,

    /// <summary>Multinomial naive Bayes (<see cref="NaiveBayesTrainer"/>): trains in one pass, good with very few examples.</summary>
    NaiveBayes = 1,
}
