using ParIndex.RulesEngine.Evaluation;

namespace ParIndex.RulesEngine.Tests.Evaluation;

/// <summary>
/// GroupIndex numbers groups by first appearance and matches the first few string instances by
/// reference before hashing; the answer must depend on the name only, never on the instance.
/// </summary>
[TestClass]
public sealed class GroupIndexTests
{
    [TestMethod]
    public void Equal_names_in_different_instances_get_one_group_and_groups_number_in_order_of_first_appearance()
    {
        var groups = new GroupIndex();
        // 20 names, more than the instances matched by reference; each met three times, the later
        // times as fresh instances with the same characters.
        var names = Enumerable.Range(0, 20).Select(i => $"group-{i}").ToArray();
        for (var round = 0; round < 3; round++)
            for (var i = 0; i < names.Length; i++)
            {
                var name = round == 0 ? names[i] : new string(names[i].AsSpan());
                Assert.AreEqual(i, groups.IndexOf(name), $"{name} in round {round}");
            }
        Assert.AreEqual(20, groups.Count);
        CollectionAssert.AreEqual(names, groups.Names.ToArray());
    }
}
