"""Planning: cast, setting and beats. `planner` makes a plan from the title; `given`
takes the user's text as the tale and plans nothing."""

from digitales.plot.given import GivenPlot
from digitales.plot.story import Planner

BACKENDS = {GivenPlot.name: GivenPlot, Planner.name: Planner}
