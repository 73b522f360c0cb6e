"""The video: motion on stills, crossfades, subtitles, the mixed sound track."""

from digitales.montage.video import FfmpegMontage

BACKENDS = {FfmpegMontage.name: FfmpegMontage}
