def migrate(cr, version):
    """Mark the contacts created for talents: only talent officers and leaders read them. A
    company, a user's contact or an employee's work contact linked to a talent stays readable."""
    cr.execute(
        """UPDATE res_partner partner
              SET org_talent_contact = TRUE
             FROM org_talent talent
            WHERE talent.partner_id = partner.id
              AND partner.is_company IS NOT TRUE
              AND NOT EXISTS (SELECT 1 FROM res_users u WHERE u.partner_id = partner.id)
              AND NOT EXISTS (SELECT 1 FROM hr_employee e WHERE e.work_contact_id = partner.id)"""
    )
