from . import org_cadre_lrmx_import
