using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace UnitGen.Model;

/// <summary>
/// The lists of the model records: an <see cref="ImmutableArray{T}"/> compared item by item, so that
/// two models written alike are <c>Equals</c> with the same hash (an <see cref="ImmutableArray{T}"/>
/// compares the reference of its array). <c>default</c> is the empty list, never a null array.
/// </summary>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly ImmutableArray<T> items;

    public EquatableArray(ImmutableArray<T> items) => this.items = items;

    private ImmutableArray<T> Items => items.IsDefault ? [] : items;

    public int Length => Items.Length;

    public bool IsEmpty => Items.IsEmpty;

    int IReadOnlyCollection<T>.Count => Length;

    public T this[int index] => Items[index];

    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items);

    public static implicit operator ImmutableArray<T>(EquatableArray<T> array) => array.Items;

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public ImmutableArray<T> ToImmutableArray() => Items;

    public int IndexOf(T item) => Items.IndexOf(item);

    public bool Contains(T item) => Items.Contains(item);

    /// <summary>For list patterns with a slice (<c>[var first, .. var rest]</c>).</summary>
    public EquatableArray<T> Slice(int start, int length) => new(Items.Slice(start, length));

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    public bool Equals(EquatableArray<T> other) => Items.AsSpan().SequenceEqual(other.Items.AsSpan(), EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The items, as a record prints its members.</summary>
    public override string ToString() => $"[{string.Join(", ", Items)}]";
}

/// <summary>Builds <see cref="EquatableArray{T}"/> from collection expressions (<c>[Supervisor.Systemd]</c>).</summary>
public static class EquatableArray
{
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));
}
