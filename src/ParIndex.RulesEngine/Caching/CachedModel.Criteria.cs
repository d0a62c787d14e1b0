using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Caching;

/// <summary>The criteria tree and the rule file's test cases in the cached model.</summary>
internal static partial class CachedModel
{
    private static void Write(ModelWriter w, CriterionDefinition criterion) => w.Shared(criterion, c =>
    {
        w.String(c.Code);
        w.String(c.Title);
        w.String(c.Description);
        w.Double(c.MaxPoints);
        w.Int((int)c.Kind);
        Write(w, c.AppliesTo);
        w.Strings(c.Responsible);
        Write(w, c.Scoring);
        w.List(c.Children, child => Write(w, child));
        w.Location(c.Location);
    });

    private static CriterionDefinition ReadCriterion(ModelReader r) => r.Required(() => new CriterionDefinition
    {
        Code = r.RequiredString(),
        Title = r.RequiredString(),
        Description = r.String(),
        MaxPoints = r.Double(),
        Kind = Enum<CriterionKind>(r),
        AppliesTo = ReadFormula(r),
        Responsible = r.Strings(),
        Scoring = ReadScoring(r),
        Children = r.List(() => ReadCriterion(r)),
        Location = r.RequiredLocation(),
    });

    /// <summary>Scoring rules by a tag: 1 formula, 2 bands, 3 proportional, 4 yes/no, 5 count.</summary>
    private static void Write(ModelWriter w, ScoringRule? scoring) => w.Shared(scoring, s =>
    {
        switch (s)
        {
            case FormulaScoring f:
                w.Int(1);
                Write(w, f.Expression);
                break;
            case BandScoring b:
                w.Int(2);
                Write(w, b.Of);
                w.List(b.Steps, step => w.Shared(step, step =>
                {
                    Write(w, step.When);
                    w.NullableDouble(step.AtLeast);
                    w.NullableDouble(step.Below);
                    w.Double(step.Points);
                    w.String(step.Label);
                    w.Location(step.Location);
                }));
                break;
            case ProportionalScoring p:
                w.Int(3);
                Write(w, p.Value);
                Write(w, p.Target);
                w.Bool(p.LowerIsBetter);
                break;
            case YesNoScoring y:
                w.Int(4);
                Write(w, y.Condition);
                break;
            case CountScoring c:
                w.Int(5);
                Write(w, c.Value);
                w.Double(c.PointsPerItem);
                break;
            default:
                throw new NotSupportedException($"the scoring rule {s.GetType().Name} cannot be cached");
        }
    });

    private static ScoringRule? ReadScoring(ModelReader r) => r.Shared<ScoringRule>(() => r.Int() switch
    {
        1 => new FormulaScoring(ReadRequiredFormula(r)),
        2 => new BandScoring(ReadFormula(r), r.List(() => r.Required(() =>
            new BandStep(ReadFormula(r), r.NullableDouble(), r.NullableDouble(), r.Double(), r.String(), r.RequiredLocation())))),
        3 => new ProportionalScoring(ReadRequiredFormula(r), ReadRequiredFormula(r), r.Bool()),
        4 => new YesNoScoring(ReadRequiredFormula(r)),
        5 => new CountScoring(ReadRequiredFormula(r), r.Double()),
        var tag => throw new InvalidDataException($"unknown scoring tag {tag}"),
    });

    private static void Write(ModelWriter w, RuleSetTestCase test) => w.Shared(test, t =>
    {
        w.String(t.Name);
        w.String(t.Source);
        Write(w, t.Agency);
        w.List(t.Others, o => Write(w, o));
        w.Shared(t.Expect, e =>
        {
            w.List(e.Criteria, v => Write(w, v));
            Write(w, e.Total);
            Write(w, e.MaxPoints);
            Write(w, e.Percent);
            Write(w, e.Classification);
            Write(w, e.Rank);
            w.List(e.Eligibility, v => Write(w, v));
            w.Location(e.Location);
        });
        w.Location(t.Location);
    });

    private static RuleSetTestCase ReadTestCase(ModelReader r) => r.Required(() => new RuleSetTestCase
    {
        Name = r.RequiredString(),
        Source = r.String(),
        Agency = ReadTestAgency(r),
        Others = r.List(() => ReadTestAgency(r)),
        Expect = r.Required(() => new TestExpectation
        {
            Criteria = r.List(() => ReadTestValue(r)!),
            Total = ReadTestValue(r),
            MaxPoints = ReadTestValue(r),
            Percent = ReadTestValue(r),
            Classification = ReadTestValue(r),
            Rank = ReadTestValue(r),
            Eligibility = r.List(() => ReadTestValue(r)!),
            Location = r.RequiredLocation(),
        }),
        Location = r.RequiredLocation(),
    });

    private static void Write(ModelWriter w, TestAgency agency) => w.Shared(agency, a =>
    {
        w.String(a.Id);
        w.String(a.Name);
        w.List(a.Inputs, v => Write(w, v));
        w.Location(a.Location);
    });

    private static TestAgency ReadTestAgency(ModelReader r) =>
        r.Required(() => new TestAgency(r.RequiredString(), r.String(), r.List(() => ReadTestValue(r)!), r.RequiredLocation()));

    private static void Write(ModelWriter w, TestValue? value) => w.Shared(value, v =>
    {
        w.String(v.Name);
        w.Scalar(v.Value);
        w.Location(v.Location);
    });

    private static TestValue? ReadTestValue(ModelReader r) => r.Shared(() => new TestValue(r.RequiredString(), r.Scalar(), r.RequiredLocation()));
}
