using System.Collections;
using System.Reflection;

namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>
/// Compares two object graphs field by field through reflection, independent of any serializer:
/// every field (private ones too) equal, collections element by element with the same comparer,
/// doubles bit for bit, and the same sharing: an object reached twice in one graph is the same
/// object in the other, and two distinct objects stay distinct. Strings compare by value.
/// </summary>
internal sealed class ObjectGraphAssert
{
    private readonly Dictionary<object, object> _expectedToActual = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, object> _actualToExpected = new(ReferenceEqualityComparer.Instance);
    private readonly Func<FieldInfo, bool> _skip;

    private ObjectGraphAssert(Func<FieldInfo, bool> skip) => _skip = skip;

    /// <summary>Fails naming the path of the first difference.</summary>
    /// <param name="expected">The original graph.</param>
    /// <param name="actual">The copy.</param>
    /// <param name="skip">Fields not compared (say why at the call).</param>
    /// <returns>How many distinct objects were compared, so a caller can check the walk went deep.</returns>
    public static int AreIsomorphic(object expected, object actual, Func<FieldInfo, bool> skip)
    {
        var walk = new ObjectGraphAssert(skip);
        walk.Visit(expected, actual, "root");
        return walk._expectedToActual.Count;
    }

    private void Visit(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.AreEqual(expected is null, actual is null, $"{path}: one side is null");
            return;
        }
        var type = expected.GetType();
        if (expected is string || type.IsPrimitive || type.IsEnum || expected is decimal)
        {
            if (expected is double d && actual is double a)
                Assert.AreEqual(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(a), $"{path}: {d} ≠ {a}");
            else
                Assert.AreEqual(expected, actual, path);
            return;
        }
        if (!type.IsValueType && !Shared(expected, actual, path)) return;
        switch (expected)
        {
            case IDictionary dictionary:
                VisitDictionary(dictionary, (IDictionary)actual, path);
                break;
            case IEnumerable sequence:
                Assert.AreEqual(ComparerOf(expected)?.GetType(), ComparerOf(actual)?.GetType(), $"{path}: comparer");
                VisitSequence(sequence, (IEnumerable)actual, path);
                break;
            default:
                Assert.AreEqual(type, actual.GetType(), $"{path}: type");
                for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
                    foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                        if (!_skip(field)) Visit(field.GetValue(expected), field.GetValue(actual), $"{path}.{field.Name}");
                break;
        }
    }

    /// <summary>True when the pair is new (walk into it); checks the sharing either way.</summary>
    private bool Shared(object expected, object actual, string path)
    {
        if (_expectedToActual.TryGetValue(expected, out var known))
        {
            Assert.AreSame(known, actual, $"{path}: the original shares this object with an earlier place, the copy does not");
            return false;
        }
        Assert.IsFalse(_actualToExpected.ContainsKey(actual), $"{path}: the copy shares an object the original does not");
        _expectedToActual.Add(expected, actual);
        _actualToExpected.Add(actual, expected);
        return true;
    }

    private void VisitDictionary(IDictionary expected, IDictionary actual, string path)
    {
        Assert.AreEqual(expected.Count, actual.Count, $"{path}: count");
        Assert.AreEqual(ComparerOf(expected)?.GetType(), ComparerOf(actual)?.GetType(), $"{path}: comparer");
        var e = expected.GetEnumerator();
        var a = actual.GetEnumerator();
        for (var i = 0; e.MoveNext() && a.MoveNext(); i++)
        {
            Visit(e.Key, a.Key, $"{path}.key[{i}]");
            Visit(e.Value, a.Value, $"{path}[{i}]");
        }
    }

    private void VisitSequence(IEnumerable expected, IEnumerable actual, string path)
    {
        var e = expected.Cast<object?>().ToList();
        var a = actual.Cast<object?>().ToList();
        Assert.AreEqual(e.Count, a.Count, $"{path}: count");
        for (var i = 0; i < e.Count; i++) Visit(e[i], a[i], $"{path}[{i}]");
    }

    /// <summary>The Comparer of a dictionary or set (their lookups depend on it), else null.</summary>
    private static object? ComparerOf(object collection) =>
        collection.GetType().GetProperty("Comparer", BindingFlags.Instance | BindingFlags.Public)?.GetValue(collection);
}
