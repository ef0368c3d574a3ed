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
/// Scoring walks four trees side by side (four independent chains for the core to overlap, one loop
/// step for four) and reads the arrays without bounds checks: every index is in range by construction
/// (split features are checked against the dimension when the layout is built, rows once per call).
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
    private readonly int _dimension;

    private CompleteTrees(Split[] splits, double[] leaves, int[] treeClass, int depth, int dimension)
    {
        _dimension = dimension;
        _singleClass = treeClass.Length > 0 && treeClass.All(c => c == treeClass[0]) ? treeClass[0] : -1;
        _splits = splits;
        _leaves = leaves;
        _treeClass = treeClass;
        _depth = depth;
    }

    /// <summary>
    /// The layout of <paramref name="trees"/>, or null when a tree is deeper than <see cref="MaxDepth"/>, there are no
    /// features to pad with, or a split names a feature outside the dimension (the checked reference walk then reports it).
    /// </summary>
    public static CompleteTrees? TryBuild(TreeEnsemble trees)
    {
        foreach (var f in trees.Feature)
        {
            if (f >= trees.Dimension)
            {
                return null;
            }
        }

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

        return new CompleteTrees(splits, leaves, [.. trees.TreeClass], depth, trees.Dimension);
    }

    /// <summary>Adds every tree's leaf value for the row <paramref name="x"/> (features already in float32) to its class's margin, in tree order.</summary>
    public void Add(ReadOnlySpan<float> x, Span<double> margins)
    {
        // The one check that keeps the unchecked reads below inside x.
        if (x.Length < _dimension)
        {
            throw new ArgumentException($"the row has {x.Length} features but the trees read {_dimension}.", nameof(x));
        }

        ref var row = ref MemoryMarshal.GetReference(x);
        ref var splits = ref MemoryMarshal.GetArrayDataReference(_splits);
        ref var leaves = ref MemoryMarshal.GetArrayDataReference(_leaves);
        var depth = _depth;
        var splitCount = (nint)(1 << depth) - 1;
        var trees = _treeClass.Length;
        var t = 0;

        // Where tree t's splits and leaves start; the leaf of a walk that ends at heap index i is leaf i − splitCount.
        nint firstSplit = 0;
        var firstLeaf = -splitCount;
        var single = _singleClass >= 0;

        // One running sum in a register when every tree adds to the same class, not a load and store of the margin
        // per tree; the trees are added in order either way, so the bits are those of the reference walk.
        var sum = single ? margins[_singleClass] : 0d;
        for (; t + 4 <= trees; t += 4)
        {
            ref var s0 = ref Unsafe.Add(ref splits, firstSplit);
            ref var s1 = ref Unsafe.Add(ref s0, splitCount);
            ref var s2 = ref Unsafe.Add(ref s1, splitCount);
            ref var s3 = ref Unsafe.Add(ref s2, splitCount);
            nint i0 = 0, i1 = 0, i2 = 0, i3 = 0;
            for (var s = 0; s < depth; s++)
            {
                i0 = Child(ref s0, i0, ref row);
                i1 = Child(ref s1, i1, ref row);
                i2 = Child(ref s2, i2, ref row);
                i3 = Child(ref s3, i3, ref row);
            }

            var v0 = Unsafe.Add(ref leaves, firstLeaf + i0);
            var v1 = Unsafe.Add(ref leaves, firstLeaf + splitCount + 1 + i1);
            var v2 = Unsafe.Add(ref leaves, firstLeaf + (2 * (splitCount + 1)) + i2);
            var v3 = Unsafe.Add(ref leaves, firstLeaf + (3 * (splitCount + 1)) + i3);
            if (single)
            {
                sum += v0;
                sum += v1;
                sum += v2;
                sum += v3;
            }
            else
            {
                margins[_treeClass[t]] += v0;
                margins[_treeClass[t + 1]] += v1;
                margins[_treeClass[t + 2]] += v2;
                margins[_treeClass[t + 3]] += v3;
            }

            firstSplit += 4 * splitCount;
            firstLeaf += 4 * (splitCount + 1);
        }

        for (; t < trees; t++)
        {
            nint i = 0;
            ref var tree = ref Unsafe.Add(ref splits, firstSplit);
            for (var s = 0; s < depth; s++)
            {
                i = Child(ref tree, i, ref row);
            }

            var v = Unsafe.Add(ref leaves, firstLeaf + i);
            if (single)
            {
                sum += v;
            }
            else
            {
                margins[_treeClass[t]] += v;
            }

            firstSplit += splitCount;
            firstLeaf += splitCount + 1;
        }

        if (single)
        {
            margins[_singleClass] = sum;
        }
    }

    /// <summary>The heap index of the child node <paramref name="i"/> sends the row to.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Child(ref Split splits, nint i, ref float row)
    {
        var split = Unsafe.Add(ref splits, i);

        // The bool as a byte keeps this a setcc, where a ternary compiles to a mispredicted branch;
        // "<=" is false for NaN, which therefore goes right, as in the reference walk.
        return (2 * i) + 2 - Unsafe.BitCast<bool, byte>(Unsafe.Add(ref row, split.Feature) <= split.Threshold);
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
