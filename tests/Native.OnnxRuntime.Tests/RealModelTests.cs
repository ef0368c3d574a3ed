namespace HybridAI.Native.OnnxRuntime.Tests;

public sealed class RealModelTests
{
    [NativeFact(Needs = Models.SileroVad)]
    public void Silero_vad_declares_its_documented_inputs_and_outputs()
    {
        using var session = Models.Open(Models.SileroVad);

        Assert.Equal(["input", "state", "sr"], session.Inputs.Select(i => i.Name));
        Assert.Equal(["output", "stateN"], session.Outputs.Select(o => o.Name));
        var input = session.Inputs[0];
        Assert.Equal(OnnxValueKind.Tensor, input.Kind);
        Assert.Equal(OnnxElementType.Float, input.ElementType);
        Assert.Equal(2, input.Shape.Length);
        Assert.Equal(OnnxElementType.Int64, session.Inputs[2].ElementType);
        Assert.Equal([2, -1, 128], session.Inputs[1].Shape);
    }

    [NativeFact(Needs = Models.SileroVad)]
    public void Silero_vad_gives_a_probability_for_a_sine_wave_and_for_silence()
    {
        using var session = Models.Open(Models.SileroVad);
        var sine = new float[512];
        for (var i = 0; i < sine.Length; i++)
        {
            sine[i] = 0.5f * MathF.Sin(2 * MathF.PI * 440 * i / 16000f);
        }

        foreach (var samples in new[] { sine, new float[512] })
        {
            using var input = OnnxTensor.Create(samples, 1, 512);
            using var state = OnnxTensor.Create(new float[2 * 128], 2, 1, 128);
            using var rate = OnnxTensor.Scalar(16000L);
            using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["input"] = input, ["state"] = state, ["sr"] = rate });

            var probability = outputs["output"].AsTensor();
            Assert.Equal([1L, 1L], probability.Shape);
            var p = Assert.Single(probability.ToArray<float>());
            Assert.InRange(p, 0f, 1f);
            Assert.Equal([2L, 1L, 128L], outputs["stateN"].AsTensor().Shape);
        }
    }

    [NativeFact(Needs = Models.SileroVad)]
    public void Silero_vad_runs_a_batch_by_its_first_dimension()
    {
        using var session = Models.Open(Models.SileroVad);
        using var input = OnnxTensor.Create(new float[3 * 512], 3, 512);
        using var state = OnnxTensor.Create(new float[2 * 3 * 128], 2, 3, 128);
        using var rate = OnnxTensor.Scalar(16000L);
        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["input"] = input, ["state"] = state, ["sr"] = rate }, ["output"]);

        Assert.Equal(["output"], outputs.Names);
        Assert.Equal([3L, 1L], outputs[0].AsTensor().Shape);
        Assert.All(outputs[0].ToArray<float>(), p => Assert.InRange(p, 0f, 1f));
    }

    [NativeFact(Needs = Models.OcrClassifier)]
    public void Ocr_angle_classifier_declares_a_dynamic_batch_and_two_classes()
    {
        using var session = Models.Open(Models.OcrClassifier);

        var x = Assert.Single(session.Inputs);
        Assert.Equal("x", x.Name);
        Assert.Equal(OnnxElementType.Float, x.ElementType);
        Assert.Equal(4, x.Shape.Length);
        Assert.Equal(3, x.Shape[1]);
        var output = Assert.Single(session.Outputs);
        Assert.Equal(OnnxElementType.Float, output.ElementType);
        Assert.Equal(2, output.Shape[^1]);
    }

    [NativeTheory(Needs = Models.OcrClassifier)]
    [InlineData(1)]
    [InlineData(4)]
    public void Ocr_angle_classifier_rows_are_probabilities_that_sum_to_one(int batch)
    {
        using var session = Models.Open(Models.OcrClassifier);
        var pixels = new float[batch * 3 * 48 * 192];
        var random = new Random(7);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(random.NextDouble() * 2 - 1);
        }

        using var x = OnnxTensor.Create(pixels, batch, 3, 48, 192);
        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["x"] = x });

        var softmax = outputs[0].AsTensor();
        Assert.Equal([(long)batch, 2L], softmax.Shape);
        var values = softmax.ToArray<float>();
        for (var row = 0; row < batch; row++)
        {
            Assert.Equal(1f, values[2 * row] + values[(2 * row) + 1], 4);
            Assert.InRange(values[2 * row], 0f, 1f);
        }
    }

    [NativeFact(Needs = Models.OcrClassifier)]
    public void Metadata_of_the_real_models_is_read()
    {
        using var ocr = Models.Open(Models.OcrClassifier);
        using var vad = Models.Open(Models.SileroVad);

        Assert.NotNull(ocr.Metadata.ProducerName);
        Assert.NotNull(ocr.Metadata.Custom);
        Assert.NotNull(vad.Metadata.GraphName);
        Assert.True(ocr.Metadata.Version >= 0);
    }
}
