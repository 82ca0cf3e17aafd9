using Spectre.Console;
using Spectre.Console.Rendering;

namespace MedCard.Cli.Demo;

/// <summary>Live progress bars (one per section) for a person at a terminal; tables appear above them as
/// sections finish.</summary>
internal sealed class SpectreDemoProgress(IAnsiConsole console, ProgressContext context) : IDemoProgress
{
    private ProgressTask? _current;

    public void Section(string title, int steps)
    {
        Complete();
        _current = context.AddTask(Markup.Escape(title), maxValue: steps);
    }

    public void Step() => _current?.Increment(1);

    public void Show(IRenderable renderable) => console.Write(renderable);

    public void Complete()
    {
        if (_current is not null)
        {
            _current.Value = _current.MaxValue;
            _current.StopTask();
        }
    }
}

/// <summary>No live display (output is not a terminal, or --json): tables are printed unless <paramref name="console"/> is null.</summary>
internal sealed class QuietDemoProgress(IAnsiConsole? console) : IDemoProgress
{
    public void Section(string title, int steps)
    {
    }

    public void Step()
    {
    }

    public void Show(IRenderable renderable) => console?.Write(renderable);
}
