using Bitrix24.Client.Http;

namespace Bitrix24.Client.Tests.Unit;

/// <summary>The cap on requests in flight: down fast after a 503 or a stall, up slowly on quick answers.</summary>
public class ParallelismControlTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void It_starts_at_its_maximum_and_halves_after_each_503_down_to_one()
    {
        var control = new ParallelismControl();
        Assert.Equal(ParallelismControl.Max, control.Limit);

        control.Throttled();
        Assert.Equal(ParallelismControl.Max / 2, control.Limit);
        control.Throttled();
        control.Throttled();
        control.Throttled();
        Assert.Equal(1, control.Limit);
    }

    [Fact]
    public void It_climbs_one_step_per_eight_quick_answers_and_no_higher_than_its_maximum()
    {
        var control = new ParallelismControl();
        control.Throttled();
        control.Throttled();   // 1

        for (var i = 0; i < 7; i++)
            control.Answered(Quick);
        Assert.Equal(1, control.Limit);
        control.Answered(Quick);
        Assert.Equal(2, control.Limit);

        for (var i = 0; i < 100; i++)
            control.Answered(Quick);
        Assert.Equal(ParallelismControl.Max, control.Limit);
    }

    [Fact]
    public void A_stall_well_beyond_the_usual_answer_time_lowers_it_but_a_slow_portal_is_not_a_stall()
    {
        var control = new ParallelismControl();
        for (var i = 0; i < 10; i++)
            control.Answered(TimeSpan.FromMilliseconds(200));

        control.Answered(TimeSpan.FromSeconds(3));
        Assert.Equal(ParallelismControl.Max - 1, control.Limit);

        // Answers that are all slow (under a second, or steady) become the norm and lower nothing.
        var steady = new ParallelismControl();
        for (var i = 0; i < 20; i++)
            steady.Answered(TimeSpan.FromMilliseconds(900));
        Assert.Equal(ParallelismControl.Max, steady.Limit);
    }
}
