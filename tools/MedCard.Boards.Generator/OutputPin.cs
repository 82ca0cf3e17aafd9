namespace MedCard.Boards.Generator
{
    /// <summary>A GPIO driving an indicator (LED or buzzer), the level that switches it on, and whether
    /// the part is already on the board (nothing to wire).</summary>
    public sealed record OutputPin(int Gpio, bool ActiveLow, bool OnBoard);
}
