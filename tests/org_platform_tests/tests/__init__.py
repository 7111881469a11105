from . import test_cadre_training_study
from . import test_officer_tour
