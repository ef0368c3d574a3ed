using System.Numerics.Tensors;

namespace HybridAI.Classifiers;

/// <summary>
/// Limited-memory BFGS with a backtracking (Armijo) line search, on plain arrays. Written here
/// rather than using MathNet's minimizer because that one throws when it runs out of iterations
/// and wraps every step in dense Vector objects; this one is deterministic and just stops.
/// </summary>
internal static class Lbfgs
{
    /// <summary>Computes the loss at x and writes its gradient into the second argument.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    public static (double Loss, int Iterations) Minimize(Objective objective, double[] x, int maxIterations, double tolerance, int history)
    {
        var n = x.Length;
        var g = new double[n];
        var direction = new double[n];
        var xNext = new double[n];
        var gNext = new double[n];
        var s = new double[history][];
        var y = new double[history][];
        var rho = new double[history];
        var alpha = new double[history];
        for (var m = 0; m < history; m++)
        {
            s[m] = new double[n];
            y[m] = new double[n];
        }

        var stored = 0;
        var newest = -1;
        var f = objective(x, g);
        var iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            // MaxMagnitude returns the signed element with the largest magnitude.
            if (Math.Abs(TensorPrimitives.MaxMagnitude(g)) < tolerance)
            {
                break;
            }

            TwoLoop(g, direction, s, y, rho, alpha, stored, newest, history);
            var slope = TensorPrimitives.Dot(direction, g);
            if (!(slope < 0))
            {
                // Curvature estimate went bad: restart from steepest descent.
                TensorPrimitives.Negate(g, direction);
                slope = -TensorPrimitives.Dot(g, g);
                stored = 0;
            }

            // First step: scale so the move has unit length; afterwards the quasi-Newton step is usually right.
            var step = stored == 0 ? 1d / Math.Max(1d, Math.Sqrt(-slope)) : 1d;
            double fNext = double.NaN;
            var accepted = false;
            for (var attempt = 0; attempt < 40; attempt++)
            {
                TensorPrimitives.MultiplyAdd(direction, step, x, xNext);
                fNext = objective(xNext, gNext);
                if (fNext <= f + (1e-4 * step * slope))
                {
                    accepted = true;
                    break;
                }

                step *= 0.5;
            }

            if (!accepted)
            {
                break;
            }

            newest = (newest + 1) % history;
            TensorPrimitives.Subtract(xNext, x, s[newest]);
            TensorPrimitives.Subtract(gNext, g, y[newest]);
            var sy = TensorPrimitives.Dot(s[newest], y[newest]);
            if (sy > 1e-12)
            {
                rho[newest] = 1d / sy;
                stored = Math.Min(stored + 1, history);
            }
            else
            {
                // Skip pairs without positive curvature; they would break the Hessian approximation.
                newest = (newest - 1 + history) % history;
            }

            var improvement = f - fNext;
            xNext.CopyTo(x, 0);
            gNext.CopyTo(g, 0);
            f = fNext;
            if (improvement <= tolerance * Math.Max(1d, Math.Abs(f)))
            {
                iteration++;
                break;
            }
        }

        return (f, iteration);
    }

    private static void TwoLoop(double[] g, double[] q, double[][] s, double[][] y, double[] rho, double[] alpha, int stored, int newest, int history)
    {
        g.CopyTo(q, 0);
        for (var back = 0; back < stored; back++)
        {
            var m = (newest - back + history) % history;
            alpha[m] = rho[m] * TensorPrimitives.Dot(s[m], q);
            TensorPrimitives.MultiplyAdd(y[m], -alpha[m], q, q);
        }

        if (stored > 0)
        {
            var gamma = TensorPrimitives.Dot(s[newest], y[newest]) / TensorPrimitives.Dot(y[newest], y[newest]);
            TensorPrimitives.Multiply(q, gamma, q);
        }

        for (var forward = stored - 1; forward >= 0; forward--)
        {
            var m = (newest - forward + history) % history;
            var beta = rho[m] * TensorPrimitives.Dot(y[m], q);
            TensorPrimitives.MultiplyAdd(s[m], alpha[m] - beta, q, q);
        }

        TensorPrimitives.Negate(q, q);
    }
}
