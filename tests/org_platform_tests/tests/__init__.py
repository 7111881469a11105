from . import test_officer_tour
