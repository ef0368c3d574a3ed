using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// A <see cref="TreeEnsemble"/> laid out for scoring: every tree padded to a complete binary tree of
/// the ensemble's greatest depth, node i's children at 2i+1 and 2i+2, so a row takes the same number
/// of steps through every tree and picks each child by arithmetic instead of a data-dependent branch
/// (which the reference walk mispredicts about every other step). The padding below a shallow leaf
/// repeats that leaf's value, so however a padded split compares, the row ends on the same value.
/// Built once per ensemble; the flat arrays stay what export, files and explanations read.
/// </summary>
internal sealed class CompleteTrees
{
    /// <summary>Each tree costs 2^depth leaves; deeper ensembles keep the reference walk.</summary>
    public const int MaxDepth = 10;

    private readonly Split[] _splits;
    private readonly double[] _leaves;
    private readonly int[] _treeClass;
    private readonly int _depth;
    private readonly int _singleClass;

    private CompleteTrees(Split[] splits, double[] leaves, int[] treeClass, int depth)
    {
        _singleClass = treeClass.Length > 0 && treeClass.All(c => c == treeClass[0]) ? treeClass[0] : -1;
        _splits = splits;
        _leaves = leaves;
        _treeClass = treeClass;
        _depth = depth;
    }

    /// <summary>The layout of <paramref name="trees"/>, or null when a tree is deeper than <see cref="MaxDepth"/> or there are no features to pad with.</summary>
    public static CompleteTrees? TryBuild(TreeEnsemble trees)
    {
        var depth = 0;
        foreach (var root in trees.TreeRoots)
        {
            var d = Depth(trees, root, 0);
            if (d > MaxDepth)
            {
                return null;
            }

            depth = Math.Max(depth, d);
        }

        if (trees.Dimension == 0 && depth > 0)
        {
            return null;
        }

        var splitCount = (1 << depth) - 1;
        var leafCount = 1 << depth;
        var splits = new Split[trees.TreeRoots.Length * splitCount];
        var leaves = new double[trees.TreeRoots.Length * leafCount];
        for (var t = 0; t < trees.TreeRoots.Length; t++)
        {
            Place(trees, trees.TreeRoots[t], 0, splits.AsSpan(t * splitCount, splitCount), leaves.AsSpan(t * leafCount, leafCount));
        }

        return new CompleteTrees(splits, leaves, [.. trees.TreeClass], depth);
    }

    /// <summary>Adds every tree's leaf value for the row <paramref name="x"/> (features already in float32) to its class's margin, in tree order.</summary>
    public void Add(ReadOnlySpan<float> x, Span<double> margins)
    {
        if (_singleClass >= 0)
        {
            // One running sum in a register, not a load and store of the margin per tree; same order, so the same bits.
            var sum = margins[_singleClass];
            for (var t = 0; t < _treeClass.Length; t++)
            {
                sum += LeafValue(t, x);
            }

            margins[_singleClass] = sum;
            return;
        }

        for (var t = 0; t < _treeClass.Length; t++)
        {
            margins[_treeClass[t]] += LeafValue(t, x);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double LeafValue(int tree, ReadOnlySpan<float> x)
    {
        var depth = _depth;
        var splitCount = (1 << depth) - 1;
        var splits = _splits.AsSpan(tree * splitCount, splitCount);
        var i = 0;
        for (var s = 0; s < depth; s++)
        {
            var split = splits[i];

            // The bool as a byte keeps this a setcc, where a ternary compiles to a mispredicted branch;
            // "<=" is false for NaN, which therefore goes right, as in the reference walk.
            i = (2 * i) + 2 - Unsafe.BitCast<bool, byte>(x[split.Feature] <= split.Threshold);
        }

        return _leaves[(tree << depth) + i - splitCount];
    }

    private static int Depth(TreeEnsemble trees, int node, int depth)
    {
        if (trees.Feature[node] < 0 || depth > MaxDepth)
        {
            return depth;
        }

        return Math.Max(Depth(trees, trees.Left[node], depth + 1), Depth(trees, trees.Right[node], depth + 1));
    }

    /// <summary>Writes the subtree at <paramref name="node"/> as a complete tree: its splits heap-ordered, its leaves left to right.</summary>
    private static void Place(TreeEnsemble trees, int node, int slot, Span<Split> splits, Span<double> leaves)
    {
        if (slot >= splits.Length)
        {
            leaves[slot - splits.Length] = trees.Value[node];
            return;
        }

        if (trees.Feature[node] < 0)
        {
            // Both ways lead back to this leaf.
            splits[slot] = new Split(0, 0);
            Place(trees, node, (2 * slot) + 1, splits, leaves);
            Place(trees, node, (2 * slot) + 2, splits, leaves);
            return;
        }

        splits[slot] = new Split(trees.Feature[node], trees.Threshold[node]);
        Place(trees, trees.Left[node], (2 * slot) + 1, splits, leaves);
        Place(trees, trees.Right[node], (2 * slot) + 2, splits, leaves);
    }

    /// <summary>One internal node in 8 bytes, so a step is one load.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Split(int Feature, float Threshold);
}
