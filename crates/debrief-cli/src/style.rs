//! Colour for people: ANSI styles only when the stream is a terminal and `NO_COLOR` is not set
//! (<https://no-color.org>); pipes, files and tests get plain text.

use std::io::IsTerminal as _;

use debrief::metrics::Rating;

/// A text style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Bold,
    Dim,
    Red,
    Yellow,
    Green,
    Cyan,
    /// Bold red, for `error:`.
    Error,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Bold => "1",
            Style::Dim => "2",
            Style::Red => "31",
            Style::Yellow => "33",
            Style::Green => "32",
            Style::Cyan => "36",
            Style::Error => "1;31",
        }
    }

    /// The colour of a rating: green when on track or achieved, yellow when it needs
    /// acceleration, red when off track or regressing.
    pub(crate) fn of_rating(rating: Option<Rating>) -> Style {
        match rating {
            Some(Rating::Achieved | Rating::OnTrack) => Style::Green,
            Some(Rating::NeedsAcceleration) => Style::Yellow,
            Some(Rating::OffTrack | Rating::Regressing) => Style::Red,
            None => Style::Dim,
        }
    }
}

/// Paints text for one output stream.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paint {
    on: bool,
}

impl Paint {
    /// For standard output.
    pub(crate) fn stdout() -> Paint {
        Paint::when(std::io::stdout().is_terminal())
    }

    /// For standard error.
    pub(crate) fn stderr() -> Paint {
        Paint::when(std::io::stderr().is_terminal())
    }

    /// Colour when `terminal` and `NO_COLOR` is unset or empty.
    fn when(terminal: bool) -> Paint {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Paint {
            on: terminal && !no_color,
        }
    }

    /// Plain text, always.
    #[cfg(test)]
    pub(crate) fn plain() -> Paint {
        Paint { on: false }
    }

    /// `text` in `style` (unchanged when colour is off).
    pub(crate) fn paint(self, text: &str, style: Style) -> String {
        if self.on && !text.is_empty() {
            format!("\x1b[{}m{text}\x1b[0m", style.code())
        } else {
            text.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_when_off() {
        assert_eq!(Paint::plain().paint("on track", Style::Green), "on track");
        let on = Paint { on: true };
        assert_eq!(on.paint("x", Style::Error), "\x1b[1;31mx\x1b[0m");
        assert_eq!(on.paint("", Style::Red), "");
    }

    #[test]
    fn ratings_have_traffic_light_colours() {
        assert_eq!(Style::of_rating(Some(Rating::OnTrack)), Style::Green);
        assert_eq!(Style::of_rating(Some(Rating::Regressing)), Style::Red);
        assert_eq!(Style::of_rating(None), Style::Dim);
    }
}
