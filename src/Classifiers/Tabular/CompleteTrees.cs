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
/// <para>
/// Trees are walked four at a time, in step: four independent chains for the core to overlap, one loop
/// step for four. A group's four trees are interleaved (node i of lane j at 4i + j, leaves likewise), so
/// one base address serves all four lanes and a lane is a constant displacement; the last group is padded
/// with trees whose values are never added. The arrays are read without bounds checks: every index is in
/// range by construction (split features are checked against the dimension when the layout is built, rows
/// once per call).
/// </para>
/// </summary>
internal sealed class CompleteTrees
{
    /// <summary>Each tree costs 2^depth leaves; deeper ensembles keep the reference walk.</summary>
    public const int MaxDepth = 10;

    private const int Lanes = 4;

    // Each split's feature and threshold in two parallel arrays: each is then one load at base + 4·index + lane.
    private readonly uint[] _features;
    private readonly float[] _thresholds;
    private readonly double[] _leaves;
    private readonly int[] _treeClass;
    private readonly int _depth;
    private readonly int _singleClass;
    private readonly int _dimension;

    private CompleteTrees(uint[] features, float[] thresholds, double[] leaves, int[] treeClass, int depth, int dimension)
    {
        _dimension = dimension;
        _singleClass = treeClass.Length > 0 && treeClass.All(c => c == treeClass[0]) ? treeClass[0] : -1;
        _features = features;
        _thresholds = thresholds;
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

        if (trees.Dimension == 0 && (depth > 0 || trees.TreeRoots.Length == 0))
        {
            return null;
        }

        var splitCount = (1 << depth) - 1;
        var leafCount = 1 << depth;
        var groups = (trees.TreeRoots.Length + Lanes - 1) / Lanes;
        var features = new uint[groups * Lanes * splitCount];
        var thresholds = new float[groups * Lanes * splitCount];
        var leaves = new double[groups * Lanes * leafCount];
        var treeSplits = new Split[splitCount];
        var treeLeaves = new double[leafCount];
        for (var t = 0; t < trees.TreeRoots.Length; t++)
        {
            Place(trees, trees.TreeRoots[t], 0, treeSplits, treeLeaves);
            var (group, lane) = Math.DivRem(t, Lanes);
            for (var i = 0; i < splitCount; i++)
            {
                var at = (((group * splitCount) + i) * Lanes) + lane;
                features[at] = (uint)treeSplits[i].Feature;
                thresholds[at] = treeSplits[i].Threshold;
            }

            for (var l = 0; l < leafCount; l++)
            {
                leaves[(((group * leafCount) + l) * Lanes) + lane] = treeLeaves[l];
            }
        }

        // The padding lanes of the last group keep feature 0, threshold 0 and value 0: walked, never added.
        return new CompleteTrees(features, thresholds, leaves, [.. trees.TreeClass], depth, trees.Dimension);
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
        var depth = _depth;
        var groupSplits = (nint)(((1 << depth) - 1) * Lanes);
        var groupLeaves = (nint)((1 << depth) * Lanes);
        var trees = _treeClass.Length;
        var single = _singleClass >= 0;

        // One running sum in a register when every tree adds to the same class, not a load and store of the margin
        // per tree; the trees are added in order either way, so the bits are those of the reference walk.
        var sum = single ? margins[_singleClass] : 0d;
        nint firstSplit = 0;
        nint firstLeaf = 0;
        for (var t = 0; t < trees; t += Lanes)
        {
            // Lane j's heap index i is held as 4i, so its node is at 4i + j: one base, and j a displacement.
            ref var f = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_features), firstSplit);
            ref var th = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_thresholds), firstSplit);
            nint u0 = 0, u1 = 0, u2 = 0, u3 = 0;
            for (var s = 0; s < depth; s++)
            {
                u0 = Child(ref f, ref th, u0, ref row);
                u1 = Child(ref Unsafe.Add(ref f, 1), ref Unsafe.Add(ref th, 1), u1, ref row);
                u2 = Child(ref Unsafe.Add(ref f, 2), ref Unsafe.Add(ref th, 2), u2, ref row);
                u3 = Child(ref Unsafe.Add(ref f, 3), ref Unsafe.Add(ref th, 3), u3, ref row);
            }

            // After depth steps 4i is in [groupSplits, 2·groupSplits]: leaf i − splitCount, at 4·leaf + lane.
            // (An index, not a shifted reference: a reference before the array's start would escape the GC.)
            ref var leaves = ref MemoryMarshal.GetArrayDataReference(_leaves);
            var leafBase = firstLeaf - groupSplits;
            var v0 = Unsafe.Add(ref leaves, leafBase + u0);
            var v1 = Unsafe.Add(ref leaves, leafBase + u1 + 1);
            var v2 = Unsafe.Add(ref leaves, leafBase + u2 + 2);
            var v3 = Unsafe.Add(ref leaves, leafBase + u3 + 3);
            var count = Math.Min(Lanes, trees - t);
            if (single)
            {
                if (count == Lanes)
                {
                    sum += v0;
                    sum += v1;
                    sum += v2;
                    sum += v3;
                }
                else
                {
                    // The last group's padding lanes are walked but never added.
                    sum += v0;
                    if (count > 1)
                    {
                        sum += v1;
                    }

                    if (count > 2)
                    {
                        sum += v2;
                    }
                }
            }
            else
            {
                margins[_treeClass[t]] += v0;
                if (count > 1)
                {
                    margins[_treeClass[t + 1]] += v1;
                }

                if (count > 2)
                {
                    margins[_treeClass[t + 2]] += v2;
                }

                if (count > 3)
                {
                    margins[_treeClass[t + 3]] += v3;
                }
            }

            firstSplit += groupSplits;
            firstLeaf += groupLeaves;
        }

        if (single)
        {
            margins[_singleClass] = sum;
        }
    }

    /// <summary>
    /// The scaled heap index 4i' of the child that node 4i sends the row to, in the lane whose first split's feature and
    /// threshold <paramref name="features"/> and <paramref name="thresholds"/> point at.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Child(ref uint features, ref float thresholds, nint u, ref float row)
    {
        // i' = 2i + 1 + (goes right), i.e. 4i' = 2·4i + 4 + 4·(goes right). The bool as a byte keeps this a setcc,
        // where a ternary compiles to a mispredicted branch; "<=" is false for NaN, which therefore goes right,
        // as in the reference walk.
        var right = Unsafe.BitCast<bool, byte>(!(Unsafe.Add(ref row, (nint)Unsafe.Add(ref features, u)) <= Unsafe.Add(ref thresholds, u)));
        return (2 * u) + 4 + (4 * (nint)right);
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
