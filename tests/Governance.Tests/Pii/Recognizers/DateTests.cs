using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class DateTests
{
    [Theory]
    [InlineData("born 31/12/1985", "31/12/1985")]
    [InlineData("on 12-31-85.", "12-31-85")]
    [InlineData("le 05.11.2023", "05.11.2023")]
    [InlineData("date 2024-02-29 ok", "2024-02-29")]
    public void Numeric_dates_are_found(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.NumericDate(), text));

    [Theory]
    [InlineData("ratio 32/13/2020")]
    [InlineData("version 1.2.3")]
    [InlineData("2024-13-01")]
    [InlineData("12/05-2024")] // mixed separators
    [InlineData("score 3/4")]
    public void Invalid_numeric_dates_are_ignored(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.NumericDate(), text));

    [Theory]
    [InlineData("I was born on March 5, 1985.", "March 5, 1985")]
    [InlineData("on 5th of March 2024", "5th of March 2024")]
    [InlineData("since Sept 2021", "Sept 2021")]
    [InlineData("né le 1er janvier 1990 à Lyon", "1er janvier 1990")]
    [InlineData("livré le 12 févr. 2023", "12 févr. 2023")]
    [InlineData("rendez-vous le 3 août", "3 août")]
    public void Written_dates_in_english_and_french_are_found(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.WrittenDate(), text));

    [Theory]
    [InlineData("You may go now")]
    [InlineData("March forward")]
    [InlineData("on 45 March")]
    [InlineData("in 5 may cases")] // lower-case English month is a verb here
    public void Month_words_without_a_valid_day_or_year_are_ignored(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.WrittenDate(), text));

    [Fact]
    public void Birth_context_raises_the_score()
    {
        var plain = new List<HybridAI.Abstractions.Privacy.PiiFinding>();
        var birth = new List<HybridAI.Abstractions.Privacy.PiiFinding>();
        PiiRecognizers.NumericDate().Recognize("delivered 31/12/1985", plain);
        PiiRecognizers.NumericDate().Recognize("date of birth: 31/12/1985", birth);
        Assert.True(birth[0].Score > plain[0].Score);
    }
}
