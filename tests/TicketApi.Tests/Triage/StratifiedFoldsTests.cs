using TicketApi.Triage;

namespace TicketApi.Tests.Triage;

public sealed class StratifiedFoldsTests
{
    [Fact]
    public void Every_fold_gets_its_share_of_every_label()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i % 10 < 7 ? "A" : i % 10 < 9 ? "B" : "C").ToArray();

        var folds = StratifiedFolds.Assign(labels, 5);

        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(14, Enumerable.Range(0, 100).Count(i => folds[i] == k && labels[i] == "A"));
            Assert.Equal(4, Enumerable.Range(0, 100).Count(i => folds[i] == k && labels[i] == "B"));
            Assert.Equal(2, Enumerable.Range(0, 100).Count(i => folds[i] == k && labels[i] == "C"));
        }
    }

    [Fact]
    public void The_same_labels_always_give_the_same_folds()
    {
        var labels = TriageTrainingSet.LoadEmbedded().Select(e => e.Priority).ToArray();

        Assert.Equal(StratifiedFolds.Assign(labels, 10), StratifiedFolds.Assign(labels, 10));
    }

    [Fact]
    public void Fewer_than_two_folds_is_an_argument_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedFolds.Assign(["A", "B"], 1));
    }
}
