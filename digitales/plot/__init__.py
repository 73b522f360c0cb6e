"""Planning: cast, setting and beats. The first backend takes the plan from a given text."""

from digitales.plot.given import GivenPlot

BACKENDS = {GivenPlot.name: GivenPlot}
