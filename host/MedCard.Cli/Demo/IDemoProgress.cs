using Spectre.Console.Rendering;

namespace MedCard.Cli.Demo;

/// <summary>Where the demo reports while it runs: a live progress display at a terminal, nothing for
/// scripts. <see cref="Show"/> prints a finished section's table (ignored with --json).</summary>
internal interface IDemoProgress
{
    void Section(string title, int steps);

    void Step();

    void Show(IRenderable renderable);
}
