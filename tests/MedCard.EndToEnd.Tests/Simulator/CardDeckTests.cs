using System;
using System.IO;
using System.Linq;
using MedCard.Simulator.Cards;
using Xunit;

namespace MedCard.EndToEnd.Tests.Simulator;

/// <summary>Cards files: the demo round-trips through JSON, mistakes are named precisely and keys are never echoed.</summary>
public sealed class CardDeckTests
{
    [Fact]
    public void The_demo_cards_file_written_as_json_loads_back_to_the_same_cards()
    {
        string path = Path.Combine(Path.GetTempPath(), "medcard-cards-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            File.WriteAllText(path, CardDeck.DemoJson());
            CardDeck loaded = CardDeck.Load(path);
            CardDeck demo = CardDeck.Demo();
            Assert.Equal(demo.Cards.Select(c => c.Label + c.CardNumber + Convert.ToHexString(c.Uid)), loaded.Cards.Select(c => c.Label + c.CardNumber + Convert.ToHexString(c.Uid)));
            Assert.Equal(7001u, loaded.ReaderId);
            // Personalisation is deterministic: the same file gives the same on-card image.
            Assert.Equal(demo.Find("alice").PeekBlock(14), loaded.Find("alice").PeekBlock(14));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_resident_id_with_a_wrong_check_character_names_the_card()
    {
        CardsFile file = CardDeck.DemoFile();
        file.Cards[1] = file.Cards[1] with { ResidentId = file.Cards[1].ResidentId![..17] + (file.Cards[1].ResidentId![17] == '1' ? "2" : "1") };
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => CardDeck.FromFile(file));
        Assert.StartsWith("cards[1]", e.Message);
    }

    [Fact]
    public void A_malformed_key_is_reported_without_its_value()
    {
        const string secretLooking = "ZZ00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEE";
        CardsFile file = CardDeck.DemoFile() with { Scheme = new SchemeKeys { KeyAMasterKey = secretLooking, KeyBMasterKey = secretLooking, HolderMacKey = secretLooking } };
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => CardDeck.FromFile(file));
        Assert.Contains("scheme.keyAMasterKey", e.Message);
        Assert.DoesNotContain("00112233", e.Message);
    }

    [Fact]
    public void Cards_are_found_by_label_card_number_or_uid_and_unknown_names_list_the_known_ones()
    {
        CardDeck deck = CardDeck.Demo();
        Assert.Same(deck.Find("alice"), deck.Find("M0000001"));
        Assert.Same(deck.Find("alice"), deck.Find("04a1b2c3"));
        var e = Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => deck.Find("carol"));
        Assert.Contains("bob", e.Message);
        Assert.DoesNotContain("Key", deck.ToString());
    }
}
